/**
 * The readers' pages (front page, article page with its thread, errors) and the parts every page shares.
 */
@ApplicationModule(allowedDependencies = { "article", "comment" })
package org.gazette.web;

import org.springframework.modulith.ApplicationModule;
