using System.Text.Json;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Audit;

/// <summary>
/// One event of the audit log: a sign-in (success, failure, lockout, second factor), an administration change with
/// what it was before and after, an export, a retention run. Staff reads of demands are in <c>DemandAccessLogs</c>.
/// Kept <c>Audit:RetentionMonths</c> months.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>Who (the account's e-mail; the address typed for a failed sign-in; « système » for a job).</summary>
    public string UserName { get; set; } = "";

    /// <summary>What, as a code of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of thing changed (utilisateur, année CIA, barème…), if any.</summary>
    public string? SubjectType { get; set; }

    public string? SubjectId { get; set; }

    /// <summary>A short French sentence.</summary>
    public string? Summary { get; set; }

    /// <summary>JSON of the values before the change.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the change (or the counts of a run).</summary>
    public string? After { get; set; }

    public string? IpAddress { get; set; }
}

/// <summary>Who does something, as the audit log records it.</summary>
public sealed record AuditActor(string UserName, string? IpAddress = null)
{
    public static readonly AuditActor System = new("système");
}

/// <summary>The action codes of the audit log, with their French labels.</summary>
public static class AuditActions
{
    public const string SignIn = "connexion";
    public const string SignInFailed = "connexion-echec";
    public const string SignInCodeFailed = "connexion-code-echec";
    public const string LockedOut = "connexion-verrouillage";
    public const string Reauthenticated = "reauthentification";
    public const string PasswordSet = "mot-de-passe-defini";
    public const string UserCreated = "utilisateur-creation";
    public const string UserDeactivated = "utilisateur-desactivation";
    public const string UserReactivated = "utilisateur-reactivation";
    public const string UserTwoFactorReset = "utilisateur-2fa-reinitialisation";
    public const string UserLinkSent = "utilisateur-lien-envoye";
    public const string AgentPlaces = "agent-lieux";
    public const string CiaYear = "cia-annee";
    public const string IncomeCeilings = "plafonds";
    public const string AllocationsExport = "export-attributions";
    public const string CiaReportExport = "export-bilan-cia";
    public const string CiaScopeTargets = "cia-objectifs-perimetre";
    public const string Sector = "secteur";
    public const string Bailleur = "bailleur";
    public const string Reservataire = "reservataire";
    public const string QpvImport = "import-qpv";
    public const string AuditPurge = "purge-journal";
    public const string DemandRetention = "purge-donnees-demandes";
    public const string ExchangeMemberReview = "echange-inscription";
    public const string ExchangeListingModeration = "echange-annonce";

    /// <summary>The pseudo-action of the viewer for the staff reads of demands (<c>DemandAccessLogs</c>).</summary>
    public const string DemandAccess = "acces-demande";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [SignIn] = "Connexion réussie",
        [SignInFailed] = "Échec de connexion (mot de passe)",
        [SignInCodeFailed] = "Échec de connexion (code de double authentification)",
        [LockedOut] = "Compte bloqué après trop d'essais",
        [Reauthenticated] = "Identité confirmée avant une modification sensible",
        [PasswordSet] = "Mot de passe défini par le lien",
        [UserCreated] = "Création d'un compte",
        [UserDeactivated] = "Désactivation d'un compte",
        [UserReactivated] = "Réactivation d'un compte",
        [UserTwoFactorReset] = "Réinitialisation de la double authentification",
        [UserLinkSent] = "Nouveau lien de mot de passe envoyé",
        [AgentPlaces] = "Lieux d'un agent d'accueil",
        [CiaYear] = "Paramètres CIA d'une année",
        [IncomeCeilings] = "Barème de plafonds de ressources",
        [AllocationsExport] = "Export des attributions",
        [CiaReportExport] = "Export du bilan annuel de la CIA",
        [CiaScopeTargets] = "Objectifs CIA d'un bailleur ou d'un secteur",
        [Sector] = "Secteur de la CIA",
        [Bailleur] = "Bailleur",
        [Reservataire] = "Réservataire",
        [QpvImport] = "Import des quartiers prioritaires",
        [AuditPurge] = "Purge du journal",
        [DemandRetention] = "Effacement des données des demandes radiées",
        [ExchangeMemberReview] = "Vérification d'une inscription à la bourse d'échanges",
        [ExchangeListingModeration] = "Modération d'une annonce d'échange",
        [DemandAccess] = "Consultation ou action sur une demande",
    };

    public static string French(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}

/// <summary>Writes audit entries into the caller's unit of work (saved with the change they describe) or at once.</summary>
public sealed class AuditLog(CilPortalDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds an entry to the unit of work; the caller saves it with its change.</summary>
    public AuditEntry Add(AuditActor actor, string action, string? summary = null, string? subjectType = null, string? subjectId = null, object? before = null, object? after = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserName = Truncate(actor.UserName, 256),
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId is null ? null : Truncate(subjectId, 100),
            Summary = summary is null ? null : Truncate(summary, 500),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            IpAddress = actor.IpAddress is null ? null : Truncate(actor.IpAddress, 45),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Writes an entry at once (sign-ins, exports: nothing else to save with it).</summary>
    public async Task WriteAsync(AuditActor actor, string action, string? summary = null, string? subjectType = null, string? subjectId = null, object? before = null, object? after = null, CancellationToken cancellationToken = default)
    {
        Add(actor, action, summary, subjectType, subjectId, before, after);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(50).IsUnicode(false);
        builder.Property(e => e.SubjectType).HasMaxLength(50);
        builder.Property(e => e.SubjectId).HasMaxLength(100);
        builder.Property(e => e.Summary).HasMaxLength(500);
        builder.Property(e => e.IpAddress).HasMaxLength(45).IsUnicode(false);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.UserName, e.At });

        // No foreign key: the log outlives the accounts and things it names.
    }
}
