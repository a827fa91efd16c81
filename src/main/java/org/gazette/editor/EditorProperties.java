package org.gazette.editor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first editor account, made on a fresh database.
 *
 * @param username its username
 * @param password its password ({@code GAZETTE_EDITOR_PASSWORD}); when absent one is
 * generated and printed once in the log
 */
@ConfigurationProperties("gazette.editor")
public record EditorProperties(@DefaultValue("editor") String username, String password) {

}
