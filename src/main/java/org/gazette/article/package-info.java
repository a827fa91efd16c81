/**
 * Articles, their photo captions and the importer; knows nothing of comments.
 */
@ApplicationModule(allowedDependencies = {})
package org.gazette.article;

import org.springframework.modulith.ApplicationModule;
