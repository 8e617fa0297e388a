package dev.attune.repositories;

/**
 * Which rows of an ordered list to return: at most {@code limit} rows after skipping {@code offset}. The one paging type
 * of every paged list ({@code PackRepository.listPaginated}, the {@code PackTestRepository} lists).
 *
 * @param limit  most rows to return, 1–{@value Limits#MAX_PAGE_SIZE}
 * @param offset rows to skip, 0 or more
 */
public record Page(int limit, long offset) {

    /** The first 50 rows. */
    public static final Page DEFAULT = new Page(50, 0);

    /**
     * Checks both values.
     *
     * @param limit  most rows to return, 1–{@value Limits#MAX_PAGE_SIZE}
     * @param offset rows to skip, 0 or more
     * @throws ValidationException when {@code limit} is not 1–{@value Limits#MAX_PAGE_SIZE} or {@code offset} is negative
     */
    public Page {
        if (limit < 1 || limit > Limits.MAX_PAGE_SIZE) {
            throw new ValidationException("page", "limit", limit, "must be between 1 and " + Limits.MAX_PAGE_SIZE);
        }
        if (offset < 0) {
            throw new ValidationException("page", "offset", offset, "must be 0 or more");
        }
    }

    /**
     * The first {@code limit} rows.
     *
     * @param limit most rows to return, 1–{@value Limits#MAX_PAGE_SIZE}
     * @return the page
     * @throws ValidationException when {@code limit} is not 1–{@value Limits#MAX_PAGE_SIZE}
     */
    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    /**
     * Page number {@code page} (0-based) of {@code size} rows each: offset {@code page × size}.
     *
     * @param page the page number, from 0
     * @param size rows per page
     * @return the page
     * @throws ValidationException when {@code page} is negative or {@code size} is not 1–{@value Limits#MAX_PAGE_SIZE}
     */
    public static Page number(int page, int size) {
        if (page < 0) {
            throw new ValidationException("page", "page", page, "must be 0 or more");
        }
        return new Page(size, (long) page * size);
    }

    /**
     * The page after this one: same limit, offset advanced by it.
     *
     * @return the next page
     */
    public Page next() {
        return new Page(limit, offset + limit);
    }
}
