import { render } from 'preact';
import '../shared/ui/base.css';
import './insights.css';
import { Insights } from './Insights';

render(<Insights />, document.getElementById('app')!);
