// The notification types tootty shows in its own words (the catalogue's `notification.TYPE`).
// Listed to the server as `supported_types[]` on the notification lists: Mastodon 4.6 then adds
// a `fallback` ({ title, summary }, HTML, entities/NotificationFallback.md) to every
// notification of a type not listed here, which the renderer shows instead of its generic line
// (app/serializers/concerns/notification_fallback_concern.rb: no list sent, no fallback).
export const NOTIFICATION_TYPES: readonly string[] = [
  "mention",
  "status",
  "reblog",
  "follow",
  "follow_request",
  "favourite",
  "poll",
  "update",
  "admin.sign_up",
  "admin.report",
  "severed_relationships",
  "moderation_warning",
  "quote",
  "quoted_update",
];
