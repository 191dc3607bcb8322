import { render } from 'preact';
import { localizePage } from '../shared/i18n';
import './popup.css';
import { Popup } from './Popup';
import { startFirstRead } from './use-popup-ledger';

// The reads start before the first render, so they overlap with it.
const first = startFirstRead();

localizePage('extName');
render(<Popup first={first} />, document.getElementById('app')!);
