using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace CilPortal.Infrastructure.Identity;

/// <summary>
/// The password rules (ASVS 5.0 V6.2): 12 to 128 characters, no composition rule, not a common or leaked password,
/// not the account's address; stored with PBKDF2-HMAC-SHA512 at <see cref="HashIterations"/> iterations.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    public const int MaximumLength = 128;

    /// <summary>PBKDF2-HMAC-SHA512 iterations of Identity's hasher (OWASP: 210,000 at least); older hashes are upgraded at the next sign-in.</summary>
    public const int HashIterations = 210_000;

    /// <summary>A local part this short is too common a string to refuse every password containing it.</summary>
    public const int MinimumLocalPartChecked = 4;

    public const string TooLong = "Le mot de passe compte au plus 128 caractères.";

    public const string TooCommon = "Ce mot de passe fait partie des mots de passe les plus courants ou déjà divulgués. Choisissez-en un autre, par exemple une phrase de plusieurs mots.";

    public const string ContainsAddress = "Le mot de passe ne doit pas contenir votre adresse électronique ni sa partie avant « @ ».";

    /// <summary>The part of an address before « @ », without a « +tag »; null when there is none.</summary>
    public static string? LocalPart(string? email)
    {
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (email is null || at <= 0)
        {
            return null;
        }

        var local = email[..at].Trim();
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? local[..plus] : local;
    }
}

/// <summary>
/// The embedded list of common and leaked passwords (CommonPasswords/README.md: zxcvbn's list, MIT), loaded once into
/// a case-insensitive set.
/// </summary>
public static class CommonPasswords
{
    public const string ResourceName = "CilPortal.Identity.common-passwords.txt.gz";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>Whether the password is in the list as it is (case aside).</summary>
    public static bool Contains(string password) => List.Value.Contains(password);

    /// <summary>
    /// Whether the password is weak for a reason the list knows: listed as it is; a listed password with digits,
    /// spaces or symbols only added before or after it (« azerty2026! »); or one short piece repeated
    /// (« aaaaaaaaaaaa », « abcabcabcabc », « soleilsoleil »).
    /// </summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var list = List.Value;
        var trimmed = password.Trim();
        if (list.Contains(trimmed))
        {
            return true;
        }

        var start = 0;
        var end = trimmed.Length;
        while (start < end && !char.IsLetter(trimmed[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(trimmed[end - 1]))
        {
            end--;
        }

        var core = trimmed[start..end];
        if (core.Length >= 4 && list.Contains(core))
        {
            return true;
        }

        var unit = RepeatedUnit(trimmed);
        return unit.Length < trimmed.Length && (unit.Length <= 4 || list.Contains(unit));
    }

    /// <summary>The shortest piece the text is a repetition of (the text itself when it repeats nothing).</summary>
    private static string RepeatedUnit(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length != 0)
            {
                continue;
            }

            var unit = text.AsSpan(0, length);
            var repeated = true;
            for (var start = length; start < text.Length && repeated; start += length)
            {
                repeated = text.AsSpan(start, length).Equals(unit, StringComparison.OrdinalIgnoreCase);
            }

            if (repeated)
            {
                return unit.ToString();
            }
        }

        return text;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Ressource {ResourceName} introuvable.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        var passwords = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Identity's extra password checks, with French messages: at most 128 characters, not common or leaked
/// (<see cref="CommonPasswords"/>), not containing the account's address or its local part.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own validator says the password is too short.
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = PasswordPolicy.TooLong });
        }

        if (CommonPasswords.IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = PasswordPolicy.TooCommon });
        }

        if (PasswordPolicy.LocalPart(user.Email ?? user.UserName) is { Length: >= PasswordPolicy.MinimumLocalPartChecked } local
            && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = PasswordPolicy.ContainsAddress });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
