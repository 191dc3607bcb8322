import { render } from 'preact';
import './options.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
