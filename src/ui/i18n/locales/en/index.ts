import { app } from './app';
import { clinic } from './clinic';
import { consent } from './consent';
import { head } from './head';
import { help } from './help';
import { messages } from './messages';
import { panels } from './panels';
import { photos } from './photos';
import { photoTools } from './photoTools';
import { plans } from './plans';
import { report } from './report';
import { share } from './share';
import { warnings } from './warnings';

export const en = { app, clinic, consent, head, help, messages, panels, photos, photoTools, plans, report, share, warnings };
