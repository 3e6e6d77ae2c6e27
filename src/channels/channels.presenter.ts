import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { EMPTY_FORM, FormState } from '../common/forms';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';

/** The list of existing channels with the add form, and one channel's edit form. */
@Injectable()
export class ChannelsPresenter {
  constructor(private readonly channels: ChannelsService) {}

  async index(values: object = { active: true, position: '' }, state: FormState = EMPTY_FORM) {
    const [channels, usage] = await Promise.all([this.channels.list(), this.channels.usage()]);
    return {
      title: t('channels.title'),
      channels: channels.map((channel) => ({ ...channel, pilots: usage.get(channel.id) ?? 0 })),
      values,
      summary: state.summary,
      fieldErrors: state.fieldErrors,
    };
  }

  edit(channel: Channel, values: object = channel, state: FormState = EMPTY_FORM) {
    return {
      title: t('channels.editTitle', { name: channel.name }),
      channel,
      values,
      summary: state.summary,
      conflict: state.status === 409,
      fieldErrors: state.fieldErrors,
    };
  }
}
