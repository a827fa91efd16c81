/**
 * Comments, the posting flow, the rules and settings they read, and the thread shown under an article.
 */
@ApplicationModule(allowedDependencies = "article")
package org.gazette.comment;

import org.springframework.modulith.ApplicationModule;
