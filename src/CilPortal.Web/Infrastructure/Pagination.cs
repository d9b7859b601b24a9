namespace CilPortal.Web.Infrastructure;

/// <summary>
/// A list shown a page at a time: which page is shown, how many there are, which rows (« 101 à 200 sur 9 978 ») and
/// the address of another page. Shown by the partial <c>_Pagination</c>. A page number out of range shows the nearest
/// page, never an error.
/// </summary>
public sealed class Pagination
{
    private readonly Func<int, string> link;

    private Pagination(int pageNumber, int pageCount, int total, int pageSize, Func<int, string> link)
    {
        PageNumber = pageNumber;
        PageCount = pageCount;
        Total = total;
        PageSize = pageSize;
        this.link = link;
    }

    public int PageNumber { get; }

    public int PageCount { get; }

    public int Total { get; }

    public int PageSize { get; }

    /// <summary>How many rows of the list come before the shown page.</summary>
    public int Skipped => (PageNumber - 1) * PageSize;

    /// <summary>Rank of the first row of the page, from 1 (0 when the list is empty).</summary>
    public int First => Total == 0 ? 0 : Skipped + 1;

    /// <summary>Rank of the last row of the page.</summary>
    public int Last => Math.Min(Total, PageNumber * PageSize);

    /// <summary>The page <paramref name="requested"/> (1 when absent) of <paramref name="total"/> rows, <paramref name="pageSize"/> a page.</summary>
    public static Pagination Of(int? requested, int total, int pageSize, Func<int, string> link)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentNullException.ThrowIfNull(link);
        var pageCount = Math.Max(1, (Math.Max(0, total) + pageSize - 1) / pageSize);
        return new Pagination(Math.Clamp(requested ?? 1, 1, pageCount), pageCount, Math.Max(0, total), pageSize, link);
    }

    /// <summary>The rows of the shown page, out of the whole list in its order.</summary>
    public IReadOnlyList<T> Slice<T>(IEnumerable<T> rows) => [.. rows.Skip(Skipped).Take(PageSize)];

    public string Link(int page) => link(page);
}
