using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Exports;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>The annual report of the CIA for the CIL meeting: a printable page, and the same tables as CSV and XLSX.</summary>
public class BilanModel(CiaDashboardService dashboard, CilPortal.Infrastructure.Audit.AuditLog audit, ParisClock clock) : PageModel
{
    public CiaDashboardData Data { get; private set; } = null!;

    public IReadOnlyList<XlsxSheet> Sheets { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(int? annee, CancellationToken cancellationToken)
    {
        await LoadAsync(annee, cancellationToken);
        Sheets = CiaReport.Sheets(Data);
    }

    /// <summary>The report as a file: <c>?handler=export&amp;format=csv</c> or <c>xlsx</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? annee, string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(annee, cancellationToken);
        if (format is "xlsx" or "csv")
        {
            await audit.WriteAsync(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.CiaReportExport, $"Bilan CIA {Data.Year} exporté en {format.ToUpperInvariant()}.", "annee-cia",
                Data.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }

        return format switch
        {
            "xlsx" => File(CiaReport.Xlsx(Data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bilan-cia-{Data.Year}.xlsx"),
            "csv" => File(CiaReport.Csv(Data), "text/csv; charset=utf-8", $"bilan-cia-{Data.Year}.csv"),
            _ => NotFound(),
        };
    }

    private async Task LoadAsync(int? annee, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Years = CiaYears.Selectable(today);
        var year = annee is { } chosen && Years.Contains(chosen) ? chosen : today.Year - 1;
        Data = await dashboard.LoadAsync(year, today, cancellationToken);
    }
}
