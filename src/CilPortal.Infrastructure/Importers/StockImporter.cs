using System.Globalization;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Importers;

public sealed record StockImportReport(int Read, int Created, int Updated, int ResidencesCreated, IReadOnlyList<ImportLineError> Warnings, IReadOnlyList<ImportLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a bailleur's stock from a CSV file modelled on the RPLS fields (separator «;», UTF-8, one line per
/// dwelling, header <see cref="Header"/>). Every line is checked first; a file with any bad line changes nothing
/// and the report names each line. A dwelling is found again by its identifier within the bailleur, so a
/// re-import updates it; dwellings absent from the file are left as they are. A residence is identified by
/// its name and commune. Its QPV comes from its coordinates and the QPV contours when both exist, else from
/// the declared QPV code.
/// </summary>
public sealed class StockImporter(CilPortalDbContext db, ILogger<StockImporter> logger)
{
    public const string Header = "identifiant;residence;adresse;code_insee;code_qpv;latitude;longitude;typologie;surface;loyer;charges;financement;etage;ascenseur;accessibilite;annee_construction";

    private static readonly string[] Columns = Header.Split(';');

    private sealed record Line(
        int Number, string Reference, string ResidenceName, string Address, string CommuneInseeCode, string? DeclaredQpv, GeoPoint? Position,
        Typology Typology, decimal Surface, decimal Rent, decimal Charges, Financing Financing, int Floor, bool HasLift, Accessibility Accessibility, int? Year);

    public async Task<StockImportReport> ImportAsync(int bailleurId, Stream file, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<ImportLineError>();
        var warnings = new List<ImportLineError>();
        var communes = (await db.Communes.AsNoTracking().Select(c => c.InseeCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var qpvs = await db.Qpvs.AsNoTracking().Select(q => new { q.Code, q.ContourGeoJson }).ToListAsync(cancellationToken);
        var qpvCodes = qpvs.Select(q => q.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = new List<Line>();
        if (CsvImportFile.Read(file, Header, record => Parse(record, today, communes, qpvCodes, errors), lines) is { } headerError)
        {
            return new StockImportReport(0, 0, 0, 0, [], [headerError]);
        }

        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportLineError(1, null, "fichier", "le fichier ne contient aucun logement."));
        }

        foreach (var duplicate in lines.GroupBy(l => l.Reference, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var line in duplicate.Skip(1))
            {
                errors.Add(new ImportLineError(line.Number, line.Reference, "identifiant", $"l'identifiant figure déjà ligne {duplicate.First().Number}."));
            }
        }

        // The lines of one residence must agree on where it is.
        foreach (var residence in lines.GroupBy(l => ResidenceKey(l.ResidenceName, l.CommuneInseeCode)))
        {
            var reference = residence.First();
            foreach (var line in residence.Skip(1))
            {
                if (!string.Equals(line.DeclaredQpv, reference.DeclaredQpv, StringComparison.OrdinalIgnoreCase) || line.Position != reference.Position)
                {
                    errors.Add(new ImportLineError(line.Number, line.Reference, "code_qpv / latitude / longitude",
                        $"la résidence « {line.ResidenceName} » est décrite autrement ligne {reference.Number} : une résidence a un seul emplacement."));
                }
            }
        }

        if (errors.Count > 0)
        {
            logger.LogWarning("Import de patrimoine refusé pour le bailleur {Bailleur} : {Errors} erreur(s).", bailleurId, errors.Count);
            return new StockImportReport(lines.Count, 0, 0, 0, [], [.. errors.OrderBy(e => e.Line)]);
        }

        var locator = QpvContoursReader.Locator(qpvs.Where(q => q.ContourGeoJson is not null).Select(q => (q.Code, q.ContourGeoJson!)));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var residences = await db.Residences.Include(r => r.Dwellings).Where(r => r.BailleurId == bailleurId).ToListAsync(cancellationToken);
        var residenceByKey = residences.GroupBy(r => ResidenceKey(r.Name, r.CommuneInseeCode)).ToDictionary(g => g.Key, g => g.First());
        var dwellingByReference = residences.SelectMany(r => r.Dwellings).GroupBy(d => d.Reference, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0, residencesCreated = 0;
        foreach (var group in lines.GroupBy(l => ResidenceKey(l.ResidenceName, l.CommuneInseeCode)))
        {
            var head = group.First();
            if (!residenceByKey.TryGetValue(group.Key, out var residence))
            {
                residence = new Residence { BailleurId = bailleurId, Name = head.ResidenceName, CommuneInseeCode = head.CommuneInseeCode };
                db.Residences.Add(residence);
                residenceByKey[group.Key] = residence;
                residencesCreated++;
            }

            residence.Address = head.Address;
            residence.ConstructionYear = head.Year ?? residence.ConstructionYear;
            residence.Latitude = head.Position?.Latitude;
            residence.Longitude = head.Position?.Longitude;
            var declared = head.DeclaredQpv is null ? null : qpvCodes.First(c => string.Equals(c, head.DeclaredQpv, StringComparison.OrdinalIgnoreCase));
            if (head.Position is { } position && locator is not null)
            {
                residence.QpvCode = locator.Locate(position);
                residence.QpvLocatedBy = QpvLocation.Contours;
                if (!string.Equals(declared, residence.QpvCode, StringComparison.OrdinalIgnoreCase) && declared is not null)
                {
                    warnings.Add(new ImportLineError(head.Number, head.Reference, "code_qpv",
                        $"le code déclaré {declared} ne correspond pas à la position, {(residence.QpvCode is null ? "hors QPV" : $"dans le QPV {residence.QpvCode}")} : la position est retenue."));
                }
            }
            else
            {
                residence.QpvCode = declared;
                residence.QpvLocatedBy = QpvLocation.Declared;
            }

            foreach (var line in group)
            {
                if (dwellingByReference.TryGetValue(line.Reference, out var dwelling))
                {
                    if (dwelling.Residence != residence)
                    {
                        dwelling.Residence!.Dwellings.Remove(dwelling);
                        residence.Dwellings.Add(dwelling);
                    }

                    updated++;
                }
                else
                {
                    dwelling = new Dwelling { Reference = line.Reference };
                    residence.Dwellings.Add(dwelling);
                    dwellingByReference[line.Reference] = dwelling;
                    created++;
                }

                dwelling.Typology = line.Typology;
                dwelling.Surface = line.Surface;
                dwelling.Rent = line.Rent;
                dwelling.Charges = line.Charges;
                dwelling.Financing = line.Financing;
                dwelling.Floor = line.Floor;
                dwelling.HasLift = line.HasLift;
                dwelling.Accessibility = line.Accessibility;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import de patrimoine du bailleur {Bailleur} : {Created} logement(s) créé(s), {Updated} mis à jour.", bailleurId, created, updated);
        return new StockImportReport(lines.Count, created, updated, residencesCreated, warnings, []);
    }

    private static string ResidenceKey(string name, string commune) => $"{commune}|{name.Trim().ToUpperInvariant()}";

    private static Line? Parse(CsvRecord record, DateOnly today, HashSet<string> communes, HashSet<string> qpvCodes, List<ImportLineError> errors)
    {
        var f = record.Fields;
        var n = record.LineNumber;
        if (f.Count != Columns.Length)
        {
            errors.Add(new ImportLineError(n, null, "colonnes", $"{Columns.Length} colonnes attendues séparées par « ; », {f.Count} trouvée(s)."));
            return null;
        }

        var before = errors.Count;
        var reference = f[0].Trim();
        var key = reference.Length == 0 ? null : reference;
        void Error(string column, string message) => errors.Add(new ImportLineError(n, key, column, message));

        if (reference.Length is 0 or > 50)
        {
            Error("identifiant", "l'identifiant du logement est obligatoire (50 caractères au plus).");
        }

        var residence = f[1].Trim();
        if (residence.Length is 0 or > 150)
        {
            Error("residence", "le nom de la résidence est obligatoire (150 caractères au plus).");
        }

        var address = f[2].Trim();
        if (address.Length is 0 or > 250)
        {
            Error("adresse", "l'adresse est obligatoire (250 caractères au plus).");
        }

        var insee = f[3].Trim();
        if (!communes.Contains(insee))
        {
            Error("code_insee", $"« {insee} » n'est pas le code INSEE d'une commune du territoire.");
        }

        var qpv = f[4].Trim();
        if (qpv.Length > 0 && !qpvCodes.Contains(qpv))
        {
            Error("code_qpv", $"« {qpv} » n'est pas un QPV connu du territoire (code QPdddnnn).");
        }

        GeoPoint? position = null;
        var latitudeText = f[5].Trim();
        var longitudeText = f[6].Trim();
        if (latitudeText.Length > 0 || longitudeText.Length > 0)
        {
            if (!TryDouble(latitudeText, out var latitude) || latitude is < -90 or > 90)
            {
                Error("latitude", "latitude en degrés décimaux attendue (ex. 43.1843), avec la longitude.");
            }
            else if (!TryDouble(longitudeText, out var longitude) || longitude is < -180 or > 180)
            {
                Error("longitude", "longitude en degrés décimaux attendue (ex. 3.0040), avec la latitude.");
            }
            else
            {
                position = new GeoPoint(latitude, longitude);
            }
        }

        var typologyText = f[7].Trim().ToUpperInvariant().TrimStart('T');
        if (!int.TryParse(typologyText, NumberStyles.None, CultureInfo.InvariantCulture, out var rooms) || rooms is < 1 or > 6)
        {
            Error("typologie", "typologie attendue de T1 à T6.");
        }

        var surface = Money(f[8], "surface", 5m, 500m, required: true, Error);
        var rent = Money(f[9], "loyer", 0m, 10_000m, required: true, Error);
        var charges = Money(f[10], "charges", 0m, 5_000m, required: false, Error);
        Financing financing = default;
        switch (f[11].Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal))
        {
            case "PLAI":
                financing = Financing.Plai;
                break;
            case "PLUS":
                financing = Financing.Plus;
                break;
            case "PLS":
                financing = Financing.Pls;
                break;
            default:
                Error("financement", "financement attendu : PLAI, PLUS ou PLS.");
                break;
        }

        var floorText = f[12].Trim();
        var floor = 0;
        if (!string.Equals(floorText, "RDC", StringComparison.OrdinalIgnoreCase)
            && (!int.TryParse(floorText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out floor) || floor is < -2 or > 60))
        {
            Error("etage", "étage attendu : RDC ou un nombre de -2 à 60.");
        }

        bool? lift = f[13].Trim().ToUpperInvariant() switch
        {
            "OUI" or "O" or "1" or "VRAI" or "TRUE" => true,
            "NON" or "N" or "0" or "FAUX" or "FALSE" => false,
            _ => null,
        };
        if (lift is null)
        {
            Error("ascenseur", "ascenseur attendu : oui ou non.");
        }

        Accessibility? accessibility = f[14].Trim().ToUpperInvariant() switch
        {
            "" or "NON" => Accessibility.None,
            "ADAPTABLE" => Accessibility.Adaptable,
            "FAUTEUIL" or "ADAPTE" or "ADAPTÉ" => Accessibility.WheelchairAdapted,
            _ => null,
        };
        if (accessibility is null)
        {
            Error("accessibilite", "accessibilité attendue : vide, non, adaptable ou fauteuil.");
        }

        int? year = null;
        var yearText = f[15].Trim();
        if (yearText.Length > 0)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1800 || parsed > today.Year + 3)
            {
                Error("annee_construction", $"année de construction attendue de 1800 à {today.Year + 3}.");
            }
            else
            {
                year = parsed;
            }
        }

        return errors.Count > before ? null : new Line(n, reference, residence, address, insee, qpv.Length == 0 ? null : qpv, position,
            (Typology)rooms, surface, rent, charges, financing, floor, lift!.Value, accessibility!.Value, year);
    }

    /// <summary>A finite number (double.TryParse also accepts « NaN » and « Infinity », which are not positions).</summary>
    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static decimal Money(string text, string column, decimal min, decimal max, bool required, Action<string, string> error)
    {
        var trimmed = new string([.. text.Where(c => !char.IsWhiteSpace(c))]).Replace(',', '.');
        if (trimmed.Length == 0 && !required)
        {
            return 0m;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            error(column, $"nombre attendu de {min.ToString(CultureInfo.GetCultureInfo("fr-FR"))} à {max.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} (virgule ou point décimal).");
            return 0m;
        }

        return decimal.Round(value, 2);
    }
}
