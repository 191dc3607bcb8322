import { render } from 'preact';
import '../shared/ui/base.css';
import './popup.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
