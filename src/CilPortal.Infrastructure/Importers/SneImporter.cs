using System.Globalization;
using System.Text;
using System.Xml;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Importers;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record SneImportReport(int Read, int Created, int Updated, int Unchanged, IReadOnlyList<SneImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static SneImportReport Failed(params SneImportError[] errors) => new(0, 0, 0, 0, errors);
}

/// <summary>
/// Imports an SNE <c>interfaceNuu</c> file: every demand is checked first; if any is invalid nothing is
/// written and every error is reported; otherwise all demands are upserted by NUR in one transaction.
/// Importing the same file again changes nothing.
/// </summary>
public sealed class SneImporter(CilPortalDbContext db, ScoringService scoring, ILogger<SneImporter> logger)
{
    public async Task<SneImportReport> ImportAsync(Stream file, DateOnly today, CancellationToken cancellationToken = default)
    {
        var read = new List<SneDemandRead>();
        try
        {
            read.AddRange(SneInterfaceNuuReader.Read(file, today));
        }
        catch (SneFileException e)
        {
            return SneImportReport.Failed(new SneImportError(0, null, "interfaceNuu", e.Message));
        }
        catch (XmlException e)
        {
            return SneImportReport.Failed(new SneImportError(read.Count + 1, null, "XML", $"fichier mal formé, ligne {e.LineNumber}, position {e.LinePosition} : ce n'est pas du XML valable (balise non fermée, caractère interdit ou fichier tronqué)."));
        }

        var errors = read.SelectMany(r => r.Errors).ToList();
        foreach (var duplicate in read.Where(r => r.Demand.Nur.Length > 0).GroupBy(r => r.Demand.Nur).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(r => new SneImportError(r.Position, r.Demand.Nur, "numUnique", $"ce numéro figure déjà en demande n° {duplicate.First().Position} du fichier.")));
        }

        if (read.Count == 0)
        {
            errors.Add(new SneImportError(0, null, "demande", "le fichier ne contient aucune demande."));
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Import SNE refusé : {Errors} erreur(s) sur {Demands} demande(s).", errors.Count, read.Count);
            return new SneImportReport(read.Count, 0, 0, 0, [.. errors.OrderBy(e => e.Position)]);
        }

        var nurs = read.Select(r => r.Demand.Nur).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Demands
            .Include(d => d.Members)
            .Include(d => d.Resources)
            .AsSplitQuery()
            .Where(d => nurs.Contains(d.Nur))
            .ToDictionaryAsync(d => d.Nur, cancellationToken);

        int created = 0, updated = 0, unchanged = 0;
        foreach (var incoming in read.Select(r => r.Demand))
        {
            if (!existing.TryGetValue(incoming.Nur, out var current))
            {
                incoming.Status = DemandStatus.Active;
                incoming.Events.Add(new DemandEvent { OccurredOn = incoming.FiledOn, Kind = DemandEventKind.Registered, Detail = "Demande enregistrée." });
                db.Demands.Add(incoming);
                created++;
            }
            else if (Signature(current) == Signature(incoming))
            {
                unchanged++;
            }
            else
            {
                CopyInto(incoming, current);
                current.Events.Add(new DemandEvent { OccurredOn = today, Kind = DemandEventKind.Updated, Detail = "Demande mise à jour." });
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The cotation of the imported demands (and the ranks of those similar to them) change with them, in the same transaction.
        await scoring.RecomputeAllAsync(today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import SNE : {Created} créée(s), {Updated} mise(s) à jour, {Unchanged} inchangée(s).", created, updated, unchanged);
        return new SneImportReport(read.Count, created, updated, unchanged, []);
    }

    private void CopyInto(Demand source, Demand target)
    {
        target.FiledOn = source.FiledOn;
        if (target.Status == DemandStatus.Active)
        {
            target.ExpiresOn = source.ExpiresOn;
        }

        target.ContactEmail = source.ContactEmail;
        target.ContactPhone = source.ContactPhone;
        target.CurrentCommuneInseeCode = source.CurrentCommuneInseeCode;
        target.CurrentHousing = source.CurrentHousing;
        target.CurrentHousingCode = source.CurrentHousingCode;
        target.CurrentRent = source.CurrentRent;
        target.CurrentSurface = source.CurrentSurface;
        target.CurrentOccupants = source.CurrentOccupants;
        target.ReferenceIncomeN1 = source.ReferenceIncomeN1;
        target.ReferenceIncomeN2 = source.ReferenceIncomeN2;
        db.DemandResources.RemoveRange(target.Resources);
        db.HouseholdMembers.RemoveRange(target.Members);
        target.Resources.Clear();
        target.Members.Clear();
        target.Members.AddRange(source.Members);
        target.Resources.AddRange(source.Resources);
    }

    /// <summary>What the file says of a demand, to tell an update from a re-import of the same data.</summary>
    private static string Signature(Demand d)
    {
        var text = new StringBuilder();
        text.AppendJoin('|', d.FiledOn, d.ContactEmail, d.ContactPhone, d.CurrentCommuneInseeCode, d.CurrentHousing, d.CurrentHousingCode,
            Money(d.CurrentRent), Money(d.CurrentSurface), d.CurrentOccupants, Money(d.ReferenceIncomeN1), Money(d.ReferenceIncomeN2));
        foreach (var m in d.Members.OrderBy(m => m.Role).ThenBy(m => m.BirthDate).ThenBy(m => m.FirstName, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"#{m.Role}/{m.Link}/{m.FirstName}/{m.LastName}/{m.BirthDate:yyyy-MM-dd}");
        }

        foreach (var r in d.Resources.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.MonthlyAmount).ThenBy(r => r.IsPaidOut))
        {
            text.Append(CultureInfo.InvariantCulture, $"${r.Code}/{Money(r.MonthlyAmount)}/{r.IsPaidOut}");
        }

        return text.ToString();
    }

    private static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
}
