using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Journal;

/// <summary>
/// The audit log: the portal's own entries (sign-ins, administration with before/after, exports, retention runs)
/// and the staff reads of demands, merged by date, filtered by user, dates and action, 50 a page. Then the reports
/// of the last retention runs.
/// </summary>
public class IndexModel(CilPortalDbContext db, AuditOptions auditOptions, RetentionOptions retentionOptions) : PageModel
{
    public const int PageSize = 50;

    public sealed record Line(DateTimeOffset At, string UserName, string Action, string Label, string? Summary, string? Before, string? After, string? IpAddress);

    [BindProperty(SupportsGet = true, Name = "utilisateur")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "du")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "au")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public IReadOnlyList<AuditEntry> RetentionRuns { get; private set; } = [];

    public int AuditMonths => auditOptions.RetentionMonths;

    public int DemandMonths => retentionOptions.StruckOffDemandMonths;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RetentionRuns = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.DemandRetention)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(10).ToListAsync(cancellationToken);

        if (ActionFilter is { Length: > 0 } && !AuditActions.Labels.ContainsKey(ActionFilter))
        {
            ModelState.AddModelError("action", "Choisissez une action de la liste.");
        }

        if (UserFilter is { Length: > 256 })
        {
            ModelState.AddModelError("utilisateur", "L'utilisateur tient en 256 caractères.");
        }

        if (From is { } f && To is { } t && f > t)
        {
            ModelState.AddModelError("au", "La date de fin doit suivre la date de début.");
        }

        if (PageNumber is < 1 or > 1000)
        {
            PageNumber = 1;
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        DateTimeOffset? from = From is { } start ? StartOfParisDay(start) : null;
        DateTimeOffset? to = To is { } end ? StartOfParisDay(end.AddDays(1)) : null;
        var needed = PageNumber * PageSize + 1;
        var user = UserFilter?.Trim();

        var lines = new List<Line>();
        if (ActionFilter is not AuditActions.DemandAccess)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrEmpty(user))
            {
                entries = entries.Where(e => e.UserName.Contains(user));
            }

            if (from is { } fromUtc)
            {
                var bound = fromUtc.UtcDateTime;
                entries = entries.Where(e => e.At >= bound);
            }

            if (to is { } toUtc)
            {
                var bound = toUtc.UtcDateTime;
                entries = entries.Where(e => e.At < bound);
            }

            if (!string.IsNullOrEmpty(ActionFilter))
            {
                entries = entries.Where(e => e.Action == ActionFilter);
            }

            lines.AddRange((await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(needed).ToListAsync(cancellationToken))
                .Select(e => new Line(new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)), e.UserName, e.Action, AuditActions.French(e.Action), e.Summary, e.Before, e.After, e.IpAddress)));
        }

        if (string.IsNullOrEmpty(ActionFilter) || ActionFilter == AuditActions.DemandAccess)
        {
            var reads = AuditPurgeJob.AccessLogsBetween(db, from, to).AsNoTracking();
            if (!string.IsNullOrEmpty(user))
            {
                reads = reads.Where(r => r.UserName.Contains(user));
            }

            // Ids follow the order of writing: the newest first without sorting on a DateTimeOffset (SQLite cannot).
            var found = await reads.OrderByDescending(r => r.Id).Take(needed).ToListAsync(cancellationToken);
            var ids = found.Select(r => r.DemandId).Distinct().ToList();
            var nurs = await db.Demands.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Nur, cancellationToken);
            lines.AddRange(found.Select(r => new Line(r.At, r.UserName, AuditActions.DemandAccess, AuditActions.French(AuditActions.DemandAccess),
                $"Demande n° {nurs.GetValueOrDefault(r.DemandId, r.DemandId.ToString(System.Globalization.CultureInfo.InvariantCulture))} — {r.Action} — motif : {r.Purpose.French()}", null, null, null)));
        }

        var ordered = lines.OrderByDescending(l => l.At).ToList();
        HasNextPage = ordered.Count > PageNumber * PageSize;
        Lines = [.. ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    public static string ParisTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, ParisClock.Paris).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The address of another page with the same filters.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("utilisateur", UserFilter);
        Add("du", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("au", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("action", ActionFilter);
        Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/gestion/epci/journal?" + string.Join('&', query);
    }

    private static DateTimeOffset StartOfParisDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ParisClock.Paris.GetUtcOffset(local)).ToUniversalTime();
    }
}
