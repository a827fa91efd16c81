package org.gazette.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The desk's import upload, and what an import may hold in memory.
 *
 * @param maxUploadBytes the largest file the desk takes; it is written to a temporary
 * file as it arrives, so this bounds the disk it uses, not the memory
 * @param disqusPostsHeld the most posts of a Disqus export held at once while the
 * rest of their threads is read (about a kilobyte each); a file that would need more
 * is written in several passes over it
 */
@ConfigurationProperties("gazette.import")
public record ImportProperties(@DefaultValue("512MB") DataSize maxUploadBytes,
        @DefaultValue("20000") int disqusPostsHeld) {

}
