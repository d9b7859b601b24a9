using CilPortal.Domain.Commission;
using CilPortal.Infrastructure.Commission;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Commission;

/// <summary>The coordination cases the user may see (all for the EPCI, the invited ones for an agent), filtered by status and reason.</summary>
public class IndexModel(CilPortalDbContext db, CommissionAccess access, ParisClock clock) : PageModel
{
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public CaseStatus? Status { get; private set; }

    public CaseReason? Reason { get; private set; }

    public bool IsAdministrator { get; private set; }

    public async Task OnGetAsync(string? statut, string? motif, CancellationToken cancellationToken)
    {
        IsAdministrator = CommissionAccess.IsAdministrator(User);
        Status = Parse<CaseStatus>(statut);
        Reason = Parse<CaseReason>(motif);
        var cases = access.VisibleCases(User);
        if (Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (Reason is { } reason)
        {
            cases = cases.Where(c => c.Reason == reason);
        }

        Cases = await CaseQueries.RowsAsync(db, cases, clock.Today, cancellationToken);
    }

    /// <summary>A value of the list, or no filter for anything else (a bad query string never fails).</summary>
    private static T? Parse<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrEmpty(value) && value.All(char.IsAsciiLetter) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
