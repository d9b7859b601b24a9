using CilPortal.Infrastructure.Importers;

namespace CilPortal.Web.Pages.Gestion.Bailleur;

/// <summary>What the import report partial shows.</summary>
public sealed record ImportReportView(string Summary, IReadOnlyList<ImportLineError> Warnings, IReadOnlyList<ImportLineError> Errors);
