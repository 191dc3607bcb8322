import type { InvitationRecord } from '../../model/invitation';
import type { ResolvedSettings } from '../../rules';
import { csvFileName, toCsv } from '../csv';
import { downloadFile } from './download';

/** Builds the CSV and hands it to the browser as a download. */
export function downloadCsv(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
  account = '',
): void {
  downloadFile(csvFileName(now), toCsv(records, settings, now, account), 'text/csv;charset=utf-8');
}
