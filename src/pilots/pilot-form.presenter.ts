import { t } from '../i18n/translate';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Actor, can } from '../accounts/permissions';
import { ChannelsService } from '../channels/channels.service';
import { FormState, formView, SentBack, sentBack } from '../common/forms';
import {
  CHANNEL_TYPE_LABELS,
  CHANNEL_TYPES,
  options,
  PURPOSE_LABELS,
  PURPOSES,
  SERVICE_STRATEGIES,
  SERVICE_STRATEGY_LABELS,
} from './pilot-fields';
import { EARLIER_LESSONS, type EarlierLessons } from './earlier-lessons';
import { Pilot } from './pilot.entity';
import { PilotsService } from './pilots.service';

/** The pilot form's free-text fields: shown beside the user's input after a stale edit. */
const PILOT_TEXT_FIELDS = [
  'name',
  'slug',
  'description',
  'targetContactTypes',
  'scope',
  'controlScope',
  'ownerDepartment',
  'sponsor',
  'itContact',
  'operationsLead',
  'financeController',
  'nextReviewDate',
] as const;

/** The registration and edit form of a pilot: new, as stored, or sent back with its problems. */
@Injectable()
export class PilotFormPresenter {
  constructor(
    private readonly pilots: PilotsService,
    private readonly channels: ChannelsService,
    // Provided by the lessons library when it is part of the app.
    @Optional() @Inject(EARLIER_LESSONS) private readonly earlier?: EarlierLessons,
  ) {}

  blank(user: Actor | null) {
    return this.form(
      user,
      null,
      sentBack({ serviceStrategy: 'standard', purposes: [], affectedChannelIds: [] }),
    );
  }

  /**
   * The registration form of a new pilot like `source`: its purposes, segments, channels and
   * strategy filled in; not its name, people, dates or anything it did.
   */
  async like(
    user: Actor | null,
    source: Pilot,
    typed: Record<string, unknown> | null = null,
    state?: FormState,
  ) {
    const values = typed ?? {
      description: source.description,
      channelType: source.channelType,
      purposes: source.purposes,
      targetContactTypes: source.targetContactTypes,
      scope: source.scope,
      controlScope: source.controlScope ?? '',
      serviceStrategy: source.serviceStrategy,
      affectedChannelIds: source.affectedChannels.map((c) => c.id),
    };
    return {
      ...(await this.form(user, null, sentBack(values, state))),
      title: t('pform.titleLike', { name: source.name }),
      action: `/pilots/${source.slug}/copy`,
      likeOf: { slug: source.slug, name: source.name },
    };
  }

  stored(user: Actor | null, pilot: Pilot) {
    return this.form(user, pilot, sentBack(storedValues(pilot)));
  }

  /** The form with what the user typed; after a stale edit, beside what is stored now. */
  async sentBack(
    user: Actor | null,
    pilot: Pilot | null,
    typed: Record<string, unknown>,
    state: FormState,
  ) {
    if (state.status !== 409 || !pilot) return this.form(user, pilot, sentBack(typed, state));
    const now = await this.pilots.get(pilot.slug);
    return this.form(user, now, sentBack(typed, state, storedValues(now), PILOT_TEXT_FIELDS));
  }

  private async form(user: Actor | null, pilot: Pilot | null, form: SentBack) {
    const { values } = form;
    const mayAssignOwner = can(user, 'assign_owner');
    const [channels, owners, earlierLessons] = await Promise.all([
      this.channels.list(),
      mayAssignOwner ? this.pilots.ownerAccounts() : [],
      // A new pilot's form shows what earlier pilots of its kind learned.
      !pilot && this.earlier ? this.earlier.byChannelType() : [],
    ]);
    const chosen = [values.affectedChannelIds ?? []].flat().map(String);
    const ownerUserId = values.ownerUserId;
    return {
      title: pilot ? t('pform.titleEdit', { name: pilot.name }) : t('pform.titleNew'),
      pilot,
      action: pilot ? `/pilots/${pilot.slug}` : '/pilots',
      ...formView(form),
      mayAssignOwner,
      owners: owners.map((u) => ({ value: String(u.id), label: u.name })),
      ownerChoice: ownerUserId === null || ownerUserId === undefined ? '' : String(ownerUserId),
      channelTypes: options(CHANNEL_TYPES, CHANNEL_TYPE_LABELS),
      purposes: options(PURPOSES, PURPOSE_LABELS),
      strategies: options(SERVICE_STRATEGIES, SERVICE_STRATEGY_LABELS),
      earlierLessons,
      channels: channels
        .filter((c) => c.active || pilot?.affectedChannels.some((own) => own.id === c.id))
        .map((c) => ({
          id: c.id,
          name: c.name,
          active: c.active,
          checked: chosen.includes(String(c.id)),
        })),
    };
  }
}

/** The stored pilot as the form's values. */
function storedValues(pilot: Pilot): Record<string, unknown> {
  return { ...pilot, affectedChannelIds: pilot.affectedChannels.map((c) => c.id) };
}
