package dev.attune.repositories;

/**
 * A page of results: {@code page} is 0-based, {@code perPage} rows each (offset = page × perPage).
 *
 * @param page    0 or more; default 0
 * @param perPage 1–{@value Limits#MAX_PAGE_SIZE}; default 50
 */
public record Pagination(int page, int perPage) {

    /** Page 0, 50 rows. */
    public static final Pagination DEFAULT = new Pagination(0, 50);

    public Pagination {
        if (page < 0) {
            throw new ValidationException("pagination", "page", page, "must be 0 or more");
        }
        if (perPage < 1 || perPage > Limits.MAX_PAGE_SIZE) {
            throw new ValidationException("pagination", "per_page", perPage,
                    "must be between 1 and " + Limits.MAX_PAGE_SIZE);
        }
    }

    /** Rows to skip. */
    public long offset() {
        return (long) page * perPage;
    }
}
