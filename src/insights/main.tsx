import { render } from 'preact';
import './insights.css';
import { Insights } from './Insights';

render(<Insights />, document.getElementById('app')!);
