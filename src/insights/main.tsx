import { render } from 'preact';
import { localizePage } from '../shared/i18n';
import './insights.css';
import { Insights } from './Insights';

localizePage('insights_page_title');
render(<Insights />, document.getElementById('app')!);
