import type { nl } from './nl';
import type { Twin } from './dictionary';
import { liveEn } from './live.en';
import { commentsEn } from './comments.en';
import { boardsEn } from './boards.en';
import { membersEn } from './members.en';
import type { membersNl } from './members.nl';
import { accountsEn } from './accounts.en';
import { ssoEn } from './sso.en';
import type { ssoNl } from './sso.nl';
import type { accountsNl } from './accounts.nl';
import { documentsEn } from './documents.en';
import type { documentsNl } from './documents.nl';
import { editorEn } from './editor.en';
import { atelierEn } from './atelier.en';
import type { liveNl } from './live.nl';
import type { commentsNl } from './comments.nl';
import type { boardsNl } from './boards.nl';
import type { editorNl } from './editor.nl';
import type { atelierNl } from './atelier.nl';
import type { searchNl } from './search.nl';
import { searchEn } from './search.en';
import type { peopleNl } from './people.nl';
import { peopleEn } from './people.en';
import type { lifecycleNl } from './lifecycle.nl';
import { lifecycleEn } from './lifecycle.en';
import type { templatesNl } from './templates.nl';
import { templatesEn } from './templates.en';
import type { activityNl } from './activity.nl';
import { activityEn } from './activity.en';

import type { boardRulesNl } from './board-rules.nl';
import { boardRulesEn } from './board-rules.en';
import type { versionsNl } from './versions.nl';
import { versionsEn } from './versions.en';
import type { suggestionsNl } from './suggestions.nl';
import { suggestionsEn } from './suggestions.en';

type CoreKey = Exclude<
  keyof typeof nl,
  keyof typeof liveNl | keyof typeof commentsNl | keyof typeof boardsNl | keyof typeof searchNl | keyof typeof peopleNl | keyof typeof lifecycleNl | keyof typeof editorNl | keyof typeof atelierNl | keyof typeof templatesNl | keyof typeof activityNl | keyof typeof membersNl | keyof typeof accountsNl | keyof typeof boardRulesNl | keyof typeof documentsNl | keyof typeof ssoNl | keyof typeof versionsNl | keyof typeof suggestionsNl
>;

/** English, on request. The type makes a missing or extra key, or a missing plural form, a compile error. */
const core: Twin<Pick<typeof nl, CoreKey>> = {
  'app.name': 'Stadskamer',
  'app.tagline': 'Writing recommendations for Flemish cities, together.',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'One moment…',
  'app.notFound': 'This page does not exist.',
  'app.backHome': 'To your workspaces',

  'lang.toggle': 'Nederlands',
  'lang.toggleLabel': 'Overschakelen naar Nederlands',

  'nav.workspaces': 'Workspaces',
  'nav.signOut': 'Sign out',
  'nav.signedInAs': 'Signed in as {name}',

  'auth.signIn': 'Sign in',
  'auth.signUp': 'Create account',
  'auth.signInTitle': 'Sign in to Stadskamer',
  'auth.signUpTitle': 'Create an account',
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.passwordHint': 'At least 10 characters.',
  'auth.name': 'Name',
  'auth.organization': 'Organization',
  'auth.organizationHint': 'For example "City of Ghent" or "Ghent University": so others know whom you speak for.',
  'auth.noAccount': 'No account yet?',
  'auth.haveAccount': 'Already have an account?',
  'auth.inviteIntro': 'You have been invited to a workspace. Create an account or sign in first.',

  'workspaces.title': 'Your workspaces',
  'workspaces.empty': 'You have no workspace yet. Create one below, or ask a colleague for an invite link.',
  'workspaces.create': 'New workspace',
  'workspaces.name': 'Workspace name',
  'workspaces.description': 'Description (optional)',
  'workspaces.createButton': 'Create workspace',
  'workspaces.createdAt': 'Created {date}',
  'workspaces.yourRole': 'Your role: {role}',

  'workspace.documents': 'Documents',
  'workspace.members': 'Members',
  'workspace.filterLabel': 'Filter by tag',
  'workspace.filterAll': 'All tags',
  'workspace.filterNone': 'There are no tags in this workspace yet.',
  'workspace.noMatch': 'No documents tagged "{tag}".',
  'workspace.membersEmpty': 'Nobody else yet. Invite people with a link.',
  'workspace.you': '(you)',
  'workspace.readOnlyNotice': 'You are a {role} in this workspace: you can read, but not create documents.',

  'kind.recommendation': 'Recommendations',
  'kind.note': 'Network notes',
  'kind.board': 'Boards',
  'kind.recommendation.one': 'recommendation',
  'kind.note.one': 'network note',
  'kind.board.one': 'board',
  'kind.recommendation.empty': 'No recommendations yet. Create one to write up a workshop together.',
  'kind.note.empty': 'No network notes yet. Note a good practice or who knows what, so the network stays.',
  'kind.board.empty': 'No boards yet. Create one board per angle of your workshop.',

  'doc.create': 'New {kind}',
  'doc.title': 'Title',
  'doc.tags': 'Tags',
  'doc.tagsHint': 'Cities and themes, separated by commas (e.g. Ghent, participatory budget).',
  'doc.createButton': 'Create',
  'doc.updatedAt': 'Updated {date}',
  'doc.untitled': 'Untitled',
  'doc.back': 'Back to {workspace}',
  'doc.titleLabel': 'Document title',
  'doc.statusLabel': 'Status',
  'doc.readOnly': 'Read only: you are a {role} in this workspace.',
  'doc.present': 'In this document now',
  'doc.editorLabel': 'Document text',
  'doc.saved': 'Saved',

  'status.draft': 'draft',
  'status.review': 'in review',
  'status.final': 'final',

  'role.owner': 'owner',
  'role.editor': 'editor',
  'role.participant': 'participant',
  'role.commenter': 'commenter',
  'role.viewer': 'viewer',

  'connection.connected': 'connected',
  'connection.connecting': 'reconnecting…',
  'connection.offline': 'offline — your changes are kept',
  'connection.label': 'Connection',

  'toolbar.label': 'Formatting',
  'toolbar.bold': 'Bold',
  'toolbar.italic': 'Italic',
  'toolbar.strike': 'Strikethrough',
  'toolbar.code': 'Code',
  'toolbar.h1': 'Heading 1',
  'toolbar.h2': 'Heading 2',
  'toolbar.h3': 'Heading 3',
  'toolbar.bulletList': 'Bullet list',
  'toolbar.orderedList': 'Numbered list',
  'toolbar.blockquote': 'Quote',
  'toolbar.codeBlock': 'Code block',
  'toolbar.link': 'Link',
  'toolbar.linkPrompt': 'Link address (leave empty to remove the link)',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',

  'invite.open': 'Invite people',
  'invite.title': 'Invite with a link',
  'invite.role': 'Role for whoever uses the link',
  'invite.expires': 'Valid for',
  'invite.hours': { one: '{count} hour', other: '{count} hours' },
  'invite.days': { one: '{count} day', other: '{count} days' },
  'invite.create': 'Create link',
  'invite.linkLabel': 'Invite link',
  'invite.copy': 'Copy',
  'invite.copied': 'Copied',
  'invite.validUntil': 'Valid until {date}',
  'invite.close': 'Close',
  'invite.acceptTitle': 'Invitation',
  'invite.failed': 'This invitation does not work.',

  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'No connection to the server. Check your network and try again.',
  'error.invalid_credentials': 'This email address and password do not match.',
  'error.email_taken': 'An account with this email address exists already. Sign in instead.',
  'error.too_many_requests': 'Too many attempts. Wait a moment and try again.',
  'error.unauthorized': 'You are not signed in (any more).',
  'error.forbidden': 'You do not have the rights for this.',
  'error.not_found': 'This does not exist, or you have no access to it.',
  'error.invite_expired': 'This invitation has expired. Ask for a new link.',
  'error.validation': 'Please check the field "{field}".',
  'error.too_large': 'That is too large.',
  'error.conflict': 'That is not possible: it conflicts with the current state.',
  'error.server': 'The server has a problem. Please try again later.',
  'error.documentGone': 'This document is not (or no longer) available to you.',
  'error.dismiss': 'Dismiss',

  'field.email': 'email address',
  'field.password': 'password',
  'field.name': 'name',
  'field.organization': 'organization',
  'field.title': 'title',
  'field.tags': 'tags',
  'field.description': 'description',
  'field.role': 'role',
};

export const en: Twin<typeof nl> = { ...core, ...liveEn, ...commentsEn, ...boardsEn, ...searchEn, ...peopleEn, ...lifecycleEn, ...editorEn, ...atelierEn, ...templatesEn, ...activityEn, ...membersEn, ...accountsEn, ...boardRulesEn, ...documentsEn, ...ssoEn, ...versionsEn, ...suggestionsEn };
