using System.Security.Cryptography;
using CilPortal.Infrastructure.Access;

namespace CilPortal.Web.Infrastructure;

public static class AccessCodeKeySetup
{
    /// <summary>
    /// Registers the key of the access codes' hashes (<c>AccessCodes:HmacKey</c>, 32 characters at least). Without it the
    /// portal refuses to start, except in Development where a random one is made up at each start: the codes issued before
    /// a restart then stop working, except the demo applicant's, which the demo seeder hashes again.
    /// </summary>
    public static void AddAccessCodeKey(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var secret = configuration[$"{AccessCodeKey.Section}:HmacKey"];
        if (string.IsNullOrWhiteSpace(secret) && environment.IsDevelopment())
        {
            secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        }

        if (secret is null || secret.Length < AccessCodeKey.MinimumLength)
        {
            throw new InvalidOperationException(
                $"AccessCodes:HmacKey est absente ou trop courte ({AccessCodeKey.MinimumLength} caractères au moins) : elle protège les codes d'accès " +
                "des demandes. Donnez-la par l'environnement (AccessCodes__HmacKey) ou un coffre de secrets, jamais dans le dépôt ; " +
                "la changer rend caducs les codes déjà délivrés.");
        }

        services.AddSingleton(new AccessCodeKey(secret));
    }
}
