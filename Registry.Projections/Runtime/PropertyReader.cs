using System.Collections.Concurrent;
using System.Data;
using System.Linq.Expressions;
using System.Reflection;

namespace Registry.Projections.Runtime;

/// <summary>
/// One public property of a parameter object, as a statement parameter: its name, the DbType Dapper would give it,
/// and a compiled getter (enums as their number, like Dapper). Compiled once per type for the process: a rebuild
/// reads millions of values, and reflection's <c>GetValue</c> cost more than binding them.
/// </summary>
internal sealed record PropertyReader(string Name, DbType? DbType, Func<object, object?> Read)
{
    private static readonly ConcurrentDictionary<Type, PropertyReader[]> ByType = new();

    public static PropertyReader[] For(Type type) => ByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0).Select(Create).ToArray());

    private static PropertyReader Create(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var target = Expression.Parameter(typeof(object));
        Expression value = Expression.Property(Expression.Convert(target, property.DeclaringType!), property);
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            value = property.PropertyType == type ? Expression.Convert(value, underlying)
                : Expression.Condition(Expression.Property(value, "HasValue"),
                    Expression.Convert(Expression.Convert(Expression.Property(value, "Value"), underlying), typeof(object)), Expression.Constant(null));
            type = underlying;
        }
        var read = Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), target).Compile();
        return new PropertyReader(property.Name, TypeOf(type), read);
    }

    private static DbType? TypeOf(Type type) =>
        type == typeof(string) ? System.Data.DbType.String
        : type == typeof(long) ? System.Data.DbType.Int64
        : type == typeof(int) ? System.Data.DbType.Int32
        : type == typeof(short) ? System.Data.DbType.Int16
        : type == typeof(double) ? System.Data.DbType.Double
        : type == typeof(decimal) ? System.Data.DbType.Decimal
        : type == typeof(bool) ? System.Data.DbType.Boolean
        : type == typeof(Guid) ? System.Data.DbType.Guid
        : null;
}
