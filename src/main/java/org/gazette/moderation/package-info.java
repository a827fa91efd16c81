/**
 * The desk: the queue, its actions, the audit log, the settings and account screens.
 */
@ApplicationModule(allowedDependencies = { "article", "comment", "editor" })
package org.gazette.moderation;

import org.springframework.modulith.ApplicationModule;
