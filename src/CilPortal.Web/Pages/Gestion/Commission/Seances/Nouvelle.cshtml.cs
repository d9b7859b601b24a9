using CilPortal.Domain.Commission;
using CilPortal.Infrastructure.Commission;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Commission.Seances;

/// <summary>Records a session held: its date, attendees, and a decision for each case examined. EPCI administrators only.</summary>
public class NouvelleModel(CilPortalDbContext db, CommissionService commission, ParisClock clock) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    /// <summary>The cases not closed, which a session may examine.</summary>
    public IReadOnlyList<CaseRow> OpenCases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CommissionAccess.IsAdministrator(User))
        {
            return Forbid();
        }

        Input = new SessionInput { HeldOn = clock.Today };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CommissionAccess.IsAdministrator(User))
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var decisions = Input.Examined.Distinct().ToDictionary(id => id, id => Input.Decisions.GetValueOrDefault(id));
            var result = await commission.RecordSessionAsync(Input.HeldOn, Input.Attendees, decisions, clock.Today, User.Identity?.Name ?? "", cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = $"La séance est enregistrée avec {decisions.Count} décision{(decisions.Count > 1 ? "s" : "")}.";
                return Redirect("/gestion/epci/commission/seances");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(FieldOf(error), error);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private static string FieldOf(string error)
    {
        if (error.StartsWith("Dossier n° ", StringComparison.Ordinal))
        {
            var id = error["Dossier n° ".Length..error.IndexOf(' ', "Dossier n° ".Length)];
            return $"Input.Decisions[{id}]";
        }

        return error.Contains("date", StringComparison.Ordinal) ? "Input.HeldOn"
            : error.Contains("participant", StringComparison.Ordinal) ? "Input.Attendees"
            : "Input.Examined";
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        OpenCases = [.. (await CaseQueries.RowsAsync(db, db.CoordinationCases.Where(c => c.Status != CaseStatus.Closed), clock.Today, cancellationToken)).OrderBy(c => c.Id)];

    public sealed class SessionInput
    {
        public DateOnly? HeldOn { get; set; }

        public string? Attendees { get; set; }

        public List<int> Examined { get; set; } = [];

        public Dictionary<int, string?> Decisions { get; set; } = [];
    }
}
