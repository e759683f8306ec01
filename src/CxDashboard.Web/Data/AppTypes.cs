using System.Reflection;

namespace CxDashboard.Web.Data;

/// <summary>
/// The app assembly's types that load. A published build leaves out EF's design-time package (it serves
/// <c>dotnet ef</c> only), so the one class built on it (<see cref="ProviderMigrationsDesignTimeServices"/>) cannot load
/// there, and <see cref="Assembly.GetTypes"/> would fail as a whole.
/// </summary>
internal static class AppTypes
{
    public static IReadOnlyList<Type> Loadable { get; } = Load(typeof(AppTypes).Assembly);

    private static Type[] Load(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }
}
