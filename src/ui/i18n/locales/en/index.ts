import { app } from './app';
import { clinic } from './clinic';
import { consent } from './consent';
import { help } from './help';
import { messages } from './messages';
import { panels } from './panels';
import { plans } from './plans';
import { report } from './report';
import { share } from './share';
import { warnings } from './warnings';

export const en = { app, clinic, consent, help, messages, panels, plans, report, share, warnings };
