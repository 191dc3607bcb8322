import browser from 'webextension-polyfill';
import { labelToInterval } from '../rules/label-interval';

console.log(labelToInterval({ kind: 'today' }, Date.now()), browser.runtime.id);
