// The implementation of the API table, once. The compiler checks that every method in
// shared/api.ts has exactly one handler here, with the right input and result types.
import type { Api, MethodName, MethodResult, ParsedInput } from '../../../shared/api.ts';
import { getProfile, saveProfile } from '../device.ts';
import { addActivity, removeActivity, updateActivity } from './activities.ts';
import {
  commentRequirement,
  createRequirement,
  getRequirement,
  listRequirements,
  removeRequirement,
  reviewRequirement,
  setRequirementStatus,
  updateRequirement,
} from './checklist.ts';
import { exportRequirements, importRequirements, previewImport } from './checklist-csv.ts';
import { exportDocument, exportHistory, getBranding, publishExport, saveBranding } from '../documents/export.ts';
import { syncWithShare } from '../sync/sync.ts';
import { listConflicts, resolveConflict } from './conflicts.ts';
import { configureSync, syncStatus } from './sync-settings.ts';
import type { Context } from './context.ts';
import { appInfo, restoreBackup } from './database.ts';
import type { TaskControl } from '../task-control.ts';
import { archiveCustomer, createCustomer, listCustomers, updateCustomer } from './customers.ts';
import { addMember, createPerson, getPerson, listPeople, removeMember, updateMember, updatePerson } from './people.ts';
import {
  addAgendaDecision,
  addAgendaItem,
  createMeeting,
  getMeeting,
  listMeetings,
  removeAgendaDecision,
  removeAgendaItem,
  removeMeeting,
  setAttendee,
  updateAgendaDecision,
  updateAgendaItem,
  updateMeeting,
} from './meetings.ts';
import { createProject, getProject, listProjects, recordGate, setPhase, updateProject, updateStatusNotes } from './projects.ts';
import { loadCustomer } from './rows.ts';
import { exportPack, getPack, importPack, listPacks } from './packs.ts';
import { createSampleProject } from './sample.ts';
import { getBudget, setHoursPerDay } from './budget.ts';
import { createChangeRequest, decideChangeRequest, getChangeRequest, listChangeRequests, removeChangeRequest, updateChangeRequest } from './change-requests.ts';
import { cancelTimer, createTime, exportTimeCsv, listTime, listTimers, removeTime, setCell, startTimer, stopTimer, timeTargets, updateTime } from './time.ts';
import { getSizing, saveSizing } from './sizing.ts';
import {
  addPart,
  createSow,
  diffVersions,
  getSow,
  listSows,
  listTemplates,
  movePart,
  newVersion,
  rejectSow,
  removePart,
  removeSow,
  sendSow,
  signSow,
  updatePart,
  updateSow,
} from './sows.ts';
import {
  addDecision,
  addQuestion,
  createSession,
  removeDecision,
  removeQuestion,
  removeSession,
  setAnswer,
  updateDecision,
  updateQuestion,
  updateSession,
  workshopOverview,
  workshopTopic,
} from './workshops.ts';

type Handlers = {
  [M in MethodName]: (ctx: Context, input: ParsedInput<M>, control: TaskControl) => Api[M]['kind'] extends 'task' ? Promise<MethodResult<M>> : MethodResult<M>;
};

export const handlers: Handlers = {
  'app.info': appInfo,
  'database.restoreBackup': restoreBackup,
  'customers.list': listCustomers,
  'customers.get': (ctx, input) => loadCustomer(ctx, input.id),
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'customers.archive': archiveCustomer,
  'projects.list': listProjects,
  'projects.get': getProject,
  'projects.create': createProject,
  'projects.update': updateProject,
  'projects.setPhase': setPhase,
  'projects.recordGate': recordGate,
  'projects.updateStatusNotes': updateStatusNotes,
  'projects.createSample': createSampleProject,
  'activities.update': updateActivity,
  'activities.add': addActivity,
  'activities.remove': removeActivity,
  'people.list': listPeople,
  'people.get': getPerson,
  'people.create': createPerson,
  'people.update': updatePerson,
  'members.add': addMember,
  'members.update': updateMember,
  'members.remove': removeMember,
  'packs.list': listPacks,
  'packs.get': getPack,
  'packs.import': importPack,
  'packs.export': exportPack,
  'workshops.overview': workshopOverview,
  'workshops.topic': workshopTopic,
  'sessions.create': createSession,
  'sessions.update': updateSession,
  'sessions.remove': removeSession,
  'answers.set': setAnswer,
  'questions.add': addQuestion,
  'questions.update': updateQuestion,
  'questions.remove': removeQuestion,
  'decisions.add': addDecision,
  'decisions.update': updateDecision,
  'decisions.remove': removeDecision,
  'meetings.list': listMeetings,
  'meetings.get': getMeeting,
  'meetings.create': createMeeting,
  'meetings.update': updateMeeting,
  'meetings.remove': removeMeeting,
  'meetings.setAttendee': setAttendee,
  'agenda.add': addAgendaItem,
  'agenda.update': updateAgendaItem,
  'agenda.remove': removeAgendaItem,
  'agenda.decide': addAgendaDecision,
  'agenda.updateDecision': updateAgendaDecision,
  'agenda.removeDecision': removeAgendaDecision,
  'requirements.list': listRequirements,
  'requirements.get': getRequirement,
  'requirements.create': createRequirement,
  'requirements.update': updateRequirement,
  'requirements.setStatus': setRequirementStatus,
  'requirements.review': reviewRequirement,
  'requirements.remove': removeRequirement,
  'requirements.comment': commentRequirement,
  'requirements.previewImport': previewImport,
  'requirements.import': importRequirements,
  'requirements.exportCsv': exportRequirements,
  'sows.list': listSows,
  'sows.get': getSow,
  'sows.templates': listTemplates,
  'sows.create': createSow,
  'sows.update': updateSow,
  'sows.remove': removeSow,
  'sowItems.add': addPart,
  'sowItems.update': updatePart,
  'sowItems.remove': removePart,
  'sowItems.move': movePart,
  'sows.send': sendSow,
  'sows.sign': signSow,
  'sows.reject': rejectSow,
  'sows.newVersion': newVersion,
  'sows.diff': diffVersions,
  'changeRequests.list': listChangeRequests,
  'changeRequests.get': getChangeRequest,
  'changeRequests.create': createChangeRequest,
  'changeRequests.update': updateChangeRequest,
  'changeRequests.decide': decideChangeRequest,
  'changeRequests.remove': removeChangeRequest,
  'time.targets': timeTargets,
  'time.list': listTime,
  'time.create': createTime,
  'time.update': updateTime,
  'time.remove': removeTime,
  'time.setCell': setCell,
  'time.timers': listTimers,
  'time.startTimer': startTimer,
  'time.stopTimer': stopTimer,
  'time.cancelTimer': cancelTimer,
  'time.exportCsv': exportTimeCsv,
  'budget.get': getBudget,
  'budget.setHoursPerDay': setHoursPerDay,
  'profile.get': getProfile,
  'profile.save': saveProfile,
  'branding.get': getBranding,
  'branding.save': saveBranding,
  'documents.export': exportDocument,
  // A task answers with a promise, a refusal included: the sync itself runs without pause on this thread.
  'conflicts.list': (ctx) => listConflicts(ctx),
  'conflicts.resolve': resolveConflict,
  'sync.run': (ctx, input, control) => Promise.resolve().then(() => syncWithShare(ctx.store, input.share, control, { snapshot: input.snapshot })),
  'sync.status': syncStatus,
  'sync.configure': configureSync,
  'documents.history': exportHistory,
  'documents.publish': (ctx, input, control) => Promise.resolve().then(() => publishExport(ctx, input, control)),
  'sizing.get': getSizing,
  'sizing.save': saveSizing,
};
