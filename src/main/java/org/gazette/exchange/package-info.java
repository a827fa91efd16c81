/**
 * Moving content in and out: the import of WordPress and Disqus exports, Markdown files
 * and plain-text captures as articles and comments.
 */
@ApplicationModule(allowedDependencies = { "article", "comment" })
package org.gazette.exchange;

import org.springframework.modulith.ApplicationModule;
