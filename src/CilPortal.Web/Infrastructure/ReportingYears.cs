namespace CilPortal.Web.Infrastructure;

/// <summary>The years the allocation and CIA pages offer: this year and the five before, latest first.</summary>
public static class ReportingYears
{
    public static IReadOnlyList<int> Recent(DateOnly today) => [.. Enumerable.Range(today.Year - 5, 6).Reverse()];
}
