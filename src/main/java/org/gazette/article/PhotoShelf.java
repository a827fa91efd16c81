package org.gazette.article;

/** Which images an article's body may show: those the site's photo library holds. */
@FunctionalInterface
public interface PhotoShelf {

    /**
     * Whether the library holds an image at this address.
     * @param imageUrl the address as written in the body, such as {@code /media/….jpg}
     * @return whether it does
     */
    boolean holds(String imageUrl);

}
