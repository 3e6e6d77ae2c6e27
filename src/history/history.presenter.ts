import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { formView, SentBack, sentBack } from '../common/forms';
import { monthOf } from '../common/months';
import { STAGE_LABELS, type Stage } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { recordedMark } from '../pilots/recorded-mark';
import { isBoardMove, pastMoves } from './history-rules';
import { HistoryService } from './history.service';

/** How each kind of past move reads in the list of stages to choose from. */

/** The page where a pilot's history from before the app is recorded, and its stage history. */
@Injectable()
export class HistoryPresenter {
  constructor(private readonly history: HistoryService) {}

  async page(pilot: Pilot, sent: { move?: SentBack; start?: SentBack } = {}) {
    const rows = await this.history.stageChanges(pilot);
    const moves = pastMoves(pilot.stage);
    const move = sent.move ?? sentBack({ toStage: moves[0]?.to ?? '' });
    const start = sent.start ?? sentBack({});
    return {
      title: t('history.pageTitle', { name: pilot.name }),
      pilot,
      version: pilot.version,
      currentMonth: monthOf(new Date()),
      rows: rows.map((row) => ({
        at: row.changedAt,
        fromStage: row.fromStage,
        toStage: row.toStage,
        actor: row.actor,
        reason: row.reason,
        recorded: recordedMark(row),
      })),
      // The start can be recorded while the registration is the whole history (or is shown with
      // the reason it was refused).
      startForm: rows.length === 1 || sent.start ? formView(start) : null,
      moveForm: moves.length ? formView(move) : null,
      moveOptions: moves.map(({ to, outcome }) => ({
        value: to,
        label: t('history.moveOption', {
          stage: STAGE_LABELS[to as Stage],
          move: t(`history.move.${outcome}`),
        }),
      })),
      boardMove: isBoardMove(pilot.stage),
    };
  }
}
