package org.gazette.comment;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A window of rows by offset and limit, where the offset need not be a multiple of the limit. */
final class OffsetLimit implements Pageable {

    private final long offset;

    private final int limit;

    OffsetLimit(long offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        this.offset = offset;
        this.limit = limit;
    }

    @Override
    public int getPageNumber() {
        return (int) (this.offset / this.limit);
    }

    @Override
    public int getPageSize() {
        return this.limit;
    }

    @Override
    public long getOffset() {
        return this.offset;
    }

    @Override
    public Sort getSort() {
        return Sort.unsorted();
    }

    @Override
    public Pageable next() {
        return new OffsetLimit(this.offset + this.limit, this.limit);
    }

    @Override
    public Pageable previousOrFirst() {
        return new OffsetLimit(Math.max(0, this.offset - this.limit), this.limit);
    }

    @Override
    public Pageable first() {
        return new OffsetLimit(0, this.limit);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetLimit((long) pageNumber * this.limit, this.limit);
    }

    @Override
    public boolean hasPrevious() {
        return this.offset > 0;
    }

}
