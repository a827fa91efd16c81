/**
 * Editor accounts and sign-in; a leaf that knows no other feature.
 */
@ApplicationModule(allowedDependencies = {})
package org.gazette.editor;

import org.springframework.modulith.ApplicationModule;
