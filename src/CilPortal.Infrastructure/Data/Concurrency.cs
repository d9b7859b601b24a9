using CilPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Data;

/// <summary>Optimistic concurrency of the records two people may edit at once (<see cref="IVersioned"/>).</summary>
public static class Concurrency
{
    /// <summary>What the second person to save is told; nothing of theirs is written.</summary>
    public const string Message = "Ce dossier a été modifié par quelqu'un d'autre pendant que vous le modifiiez : vos changements ne sont pas enregistrés. "
        + "Rechargez la page pour voir la version actuelle, puis refaites vos changements.";

    /// <summary>
    /// The edit form was drawn from <paramref name="version"/>: the save will update the record only if it still is at
    /// that version (even when only its child rows change). Returns false when it already is not, so that the page can
    /// answer at once.
    /// </summary>
    public static bool ExpectVersion<T>(this DbContext db, T entity, int? version)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        var property = db.Entry(entity).Property(e => e.RowVersion);
        var current = property.OriginalValue;
        property.OriginalValue = version ?? -1;
        property.IsModified = true;
        return current == version;
    }
}
