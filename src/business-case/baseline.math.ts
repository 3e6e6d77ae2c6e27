import { type Phrase, phrase } from '../common/phrase';
import { Month, monthIndex } from '../common/months';
import { t90 } from './student-t';

// What channel c would have had without the pilot, fitted on its pre-period (business-case.md).

export type BaselineMethod = 'control' | 'trend' | 'mean';
export const BASELINE_METHODS: readonly BaselineMethod[] = ['control', 'trend', 'mean'];

export interface HistoryPoint {
  month: Month;
  volume: number;
  /** The channel's volume in the control scope, where one is kept. */
  control: number | null;
}

export interface BaselineFit {
  method: BaselineMethod;
  /** Pre-period months used. */
  n: number;
  df: number;
  t: number;
  /** Residual spread: sd(V) for mean, s_e for trend, sd(q) for control. */
  sigma: number;
  /** mean: mean(V); control: mean(q); trend: a (intercept). */
  level: number;
  /** trend only: slope, mean month index and Σ(x − x̄)². */
  slope: number;
  xBar: number;
  sxx: number;
}

export interface Prediction {
  baseline: number;
  halfWidth: number;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function sampleSd(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

function controlRatios(history: HistoryPoint[]): number[] {
  return history
    .filter((h) => h.control !== null && h.control > 0)
    .map((h) => h.volume / (h.control as number));
}

/** The months of history each method needs (for control: months with a control volume). */
const MIN_HISTORY: Record<BaselineMethod, number> = { control: 3, trend: 6, mean: 3 };

/** The months a method can use: for control those with a control volume, else all. */
const usable = (history: HistoryPoint[], method: BaselineMethod) =>
  method === 'control' ? controlRatios(history).length : history.length;

/** The methods the pre-period allows, in the default order. */
export function availableMethods(history: HistoryPoint[]): BaselineMethod[] {
  return BASELINE_METHODS.filter((m) => usable(history, m) >= MIN_HISTORY[m]);
}

/** A channel's logged month, as far as its baseline is concerned. */
export interface LoggedVolume {
  channelId: number;
  month: Month;
  volume: number | null;
  controlVolume: number | null;
}

/**
 * A channel's pre-period: its months with a volume before the start month (without a start
 * month, every month logged so far).
 */
export function preperiod(
  rows: LoggedVolume[],
  channelId: number,
  startMonth: Month | null,
): HistoryPoint[] {
  return rows
    .filter(
      (r) =>
        r.channelId === channelId &&
        r.volume !== null &&
        (startMonth === null || r.month < startMonth),
    )
    .map((r) => ({ month: r.month, volume: r.volume as number, control: r.controlVolume }));
}

/**
 * The channel's method: the pinned one where the data allows it, else the first that applies in
 * the order control, trend, mean. Control is the channel's method only when the pilot's months
 * keep a control volume at all (`controlKept`); a month without one falls back on its own.
 */
export function chooseMethod(
  history: HistoryPoint[],
  pinned: BaselineMethod | null,
  controlKept: boolean,
): BaselineMethod | null {
  const allowed = availableMethods(history).filter((m) => m !== 'control' || controlKept);
  if (pinned && allowed.includes(pinned)) return pinned;
  return allowed[0] ?? null;
}

/** Why the pre-period does not allow a method ("trend needs 6 months…"); null when it does. */
export function methodRefusal(history: HistoryPoint[], method: BaselineMethod): Phrase | null {
  if (availableMethods(history).includes(method)) return null;
  const n = usable(history, method);
  const kind = method === 'control' ? 'methodNeedsControl' : 'methodNeeds';
  return phrase(`engine.${kind}.${n === 0 ? 'none' : n === 1 ? 'one' : 'many'}`, {
    method: phrase(`method.${method}`),
    needed: MIN_HISTORY[method],
    count: n,
  });
}

/** The fits a channel predicts with: its method's first, then the others its history allows. */
export function channelFits(history: HistoryPoint[], method: BaselineMethod | null): BaselineFit[] {
  if (!method) return [];
  const order = [method, ...availableMethods(history).filter((m) => m !== method)];
  return order.map((m) => fitBaseline(history, m)).filter((fit): fit is BaselineFit => !!fit);
}

export function fitBaseline(history: HistoryPoint[], method: BaselineMethod): BaselineFit | null {
  const base = { slope: 0, xBar: 0, sxx: 0 };
  if (method === 'control') {
    const q = controlRatios(history);
    if (q.length < MIN_HISTORY.control) return null;
    return {
      ...base,
      method,
      n: q.length,
      df: q.length - 1,
      t: t90(q.length - 1),
      sigma: sampleSd(q),
      level: mean(q),
    };
  }
  const volumes = history.map((h) => h.volume);
  if (method === 'mean') {
    if (volumes.length < MIN_HISTORY.mean) return null;
    const n = volumes.length;
    return {
      ...base,
      method,
      n,
      df: n - 1,
      t: t90(n - 1),
      sigma: sampleSd(volumes),
      level: mean(volumes),
    };
  }
  if (history.length < MIN_HISTORY.trend) return null;
  const n = history.length;
  const x = history.map((h) => monthIndex(h.month));
  const xBar = mean(x);
  const yBar = mean(volumes);
  const sxx = x.reduce((sum, xi) => sum + (xi - xBar) ** 2, 0);
  const slope = x.reduce((sum, xi, i) => sum + (xi - xBar) * (volumes[i] - yBar), 0) / sxx;
  const level = yBar - slope * xBar;
  const sse = x.reduce((sum, xi, i) => sum + (volumes[i] - (level + slope * xi)) ** 2, 0);
  return {
    method,
    n,
    df: n - 2,
    t: t90(n - 2),
    sigma: Math.sqrt(sse / (n - 2)),
    level,
    slope,
    xBar,
    sxx,
  };
}

/** The baseline for one month with its 90 % half-width; null where the method cannot predict it. */
export function predict(fit: BaselineFit, month: Month, control: number | null): Prediction | null {
  switch (fit.method) {
    case 'control':
      if (control === null) return null;
      return {
        baseline: fit.level * control,
        halfWidth: fit.t * fit.sigma * Math.sqrt(1 + 1 / fit.n) * control,
      };
    case 'trend': {
      const x = monthIndex(month);
      return {
        baseline: fit.level + fit.slope * x,
        halfWidth: fit.t * fit.sigma * Math.sqrt(1 + 1 / fit.n + (x - fit.xBar) ** 2 / fit.sxx),
      };
    }
    case 'mean':
      return { baseline: fit.level, halfWidth: fit.t * fit.sigma * Math.sqrt(1 + 1 / fit.n) };
  }
}

export interface WeightedMonth {
  month: Month;
  /** Euros per contact (k_c(p)), or 1 to count contacts. */
  weight: number;
  control: number | null;
}

/**
 * Half-width of Σ w_p·D_c(p) over several months. The months share one fitted history, so
 * their errors are not independent: the fit's own uncertainty enters once, squared sum.
 */
export function sumHalfWidth(fit: BaselineFit, months: WeightedMonth[]): number {
  if (!months.length) return 0;
  const s2 = fit.sigma ** 2;
  let variance: number;
  if (fit.method === 'control') {
    const wc = months.map((m) => m.weight * (m.control ?? 0));
    variance =
      s2 * (wc.reduce((s, v) => s + v * v, 0) + wc.reduce((s, v) => s + v, 0) ** 2 / fit.n);
  } else {
    const w = months.map((m) => m.weight);
    const sumW = w.reduce((s, v) => s + v, 0);
    variance = s2 * (w.reduce((s, v) => s + v * v, 0) + sumW ** 2 / fit.n);
    if (fit.method === 'trend') {
      const lever = months.reduce((s, m) => s + m.weight * (monthIndex(m.month) - fit.xBar), 0);
      variance += (s2 * lever ** 2) / fit.sxx;
    }
  }
  return fit.t * Math.sqrt(variance);
}

/** A month's weighted point, with the fit (index into the channel's fits) that predicted it. */
export interface FittedMonth extends WeightedMonth {
  fit: number;
}

/**
 * Half-width of Σ w_p·D_c(p) where months were predicted by different fits (a month without the
 * control volume falls back to the next method): each fit's block of months by `sumHalfWidth`,
 * the blocks added linearly, a safe upper bound for errors from different fits of one history.
 */
export function blocksHalfWidth(fits: BaselineFit[], months: FittedMonth[]): number {
  return fits.reduce(
    (total, fit, i) =>
      total +
      sumHalfWidth(
        fit,
        months.filter((m) => m.fit === i),
      ),
    0,
  );
}
