using System.Globalization;
using System.Security.Cryptography;
using CilPortal.Infrastructure.Access;

namespace CilPortal.Web.Infrastructure;

public static class AccessCodeKeySetup
{
    /// <summary>
    /// Registers what the access codes' hashes accept (<see cref="AccessCodeHashSettings"/>): <c>AccessCodes:HmacKey</c>
    /// (32 characters at least, no space), former keys in <c>AccessCodes:PreviousHmacKeys</c> and the last day of the
    /// PBKDF2 codes, <c>AccessCodes:Pbkdf2CodesValidUntil</c>. Without a key the portal refuses to start, except in
    /// Development where a random one is made up at each start: the codes issued before a restart then stop working, except
    /// the demo applicant's, which the demo seeder hashes again.
    /// </summary>
    public static void AddAccessCodeKey(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(AccessCodeHashSettings.Section);
        var secret = section["HmacKey"];
        if (string.IsNullOrWhiteSpace(secret) && environment.IsDevelopment())
        {
            secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        }

        var previous = section.GetSection("PreviousHmacKeys").Get<string[]>() ?? [];
        var until = section["Pbkdf2CodesValidUntil"];
        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(until))
        {
            validUntil = DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new InvalidOperationException($"AccessCodes:Pbkdf2CodesValidUntil vaut « {until} » : donnez une date AAAA-MM-JJ, ou rien.");
        }

        try
        {
            services.AddSingleton(new AccessCodeHashSettings(
                new AccessCodeKey(secret ?? ""), [.. previous.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new AccessCodeKey(p))], validUntil));
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException(
                $"AccessCodes:HmacKey (ou l'une des AccessCodes:PreviousHmacKeys) est absente ou trop courte ({AccessCodeKey.MinimumLength} caractères " +
                "au moins, sans espace) : elle protège les codes d'accès des demandes. Donnez-la par l'environnement (AccessCodes__HmacKey) ou un " +
                "coffre de secrets, jamais dans le dépôt ; la remplacer sans garder l'ancienne dans AccessCodes:PreviousHmacKeys rend caducs les codes déjà délivrés.");
        }
    }
}
