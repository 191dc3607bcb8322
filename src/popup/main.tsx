import { render } from 'preact';
import { localizePage } from '../shared/i18n';
import './popup.css';
import { early } from './early';
import { startOpeningReads } from './opening-reads';
import { Popup } from './Popup';

// The reads start before the first render, so they overlap with it.
const opening = startOpeningReads(early);

localizePage('extName');
render(<Popup opening={opening} />, document.getElementById('app')!);
