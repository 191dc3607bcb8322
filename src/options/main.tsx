import { render } from 'preact';
import { localizePage } from '../shared/i18n';
import './options.css';
import { Options } from './Options';

localizePage('options_title');
render(<Options />, document.getElementById('app')!);
