import { render } from 'preact';
import './popup.css';
import { early } from './early';
import { startOpeningReads } from './opening-reads';
import { PAGE_SIZE, Popup } from './Popup';

// The reads start before the first render, so they overlap with it.
const opening = startOpeningReads(PAGE_SIZE, early);

render(<Popup opening={opening} />, document.getElementById('app')!);
