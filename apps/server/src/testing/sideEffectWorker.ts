/**
 * `indgang worker` with the side-effect job kinds of the worker crash test added (RECEIVER_URL):
 * the same worker process, which a test can kill.
 */
import { loadConfig } from '../config';
import { runWorkerProcess } from '../runWorkerProcess';
import { receiverMailer, sideEffectJobKinds } from './sideEffectJobs';

const receiverUrl = process.env.RECEIVER_URL!;
process.exitCode = await runWorkerProcess(loadConfig(), {
  extraKinds: sideEffectJobKinds(receiverUrl),
  mailer: receiverMailer(receiverUrl),
});
