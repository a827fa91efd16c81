package org.gazette.moderation;

/** The settings form was filled in over settings another editor has changed since. */
class SettingsConflictException extends RuntimeException {

    SettingsConflictException() {
        super("The settings were changed by another editor");
    }

}
