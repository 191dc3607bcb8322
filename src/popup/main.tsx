import { render } from 'preact';
import '../shared/ui/base.css';
import './popup.css';
import { getDb } from '../store/db';
import { Popup } from './Popup';

// Open the database while the settings load: the first rows need both.
getDb().catch(() => {});

render(<Popup />, document.getElementById('app')!);
