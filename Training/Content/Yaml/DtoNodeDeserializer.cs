namespace Beacon.Training.Content.Yaml;

using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

/// <summary>
/// Reads a YAML mapping into a <see cref="YamlDto"/> without ever giving up on the file: an
/// unknown or repeated key, or a value of the wrong shape, is recorded on the DTO as an issue and
/// skipped, so one typo does not hide every other problem. Keys are the DTO's property names in
/// snake_case (<see cref="UnderscoredNamingConvention"/>). Only YAML syntax errors escape, as
/// <see cref="YamlException"/> with a position.
/// </summary>
internal sealed class DtoNodeDeserializer : INodeDeserializer
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> PropertiesByType = new();

    public bool Deserialize(
        IParser reader,
        Type expectedType,
        Func<IParser, Type, object?> nestedObjectDeserializer,
        out object? value,
        ObjectDeserializer rootDeserializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(expectedType);
        if (!typeof(YamlDto).IsAssignableFrom(expectedType))
        {
            value = null;
            return false;
        }

        value = ReadMapping(reader, expectedType);
        return true;
    }

    /// <summary>The snake_case keys a DTO type accepts.</summary>
    public static IEnumerable<string> KeysOf(Type dtoType) => PropertiesOf(dtoType).Keys;

    private static YamlDto ReadMapping(IParser reader, Type dtoType)
    {
        var dto = (YamlDto)Activator.CreateInstance(dtoType)!;
        dto.Line = LineOf(reader.Current);
        if (!reader.TryConsume<MappingStart>(out _))
        {
            dto.Issues.Add(new YamlIssue(string.Empty, dto.Line, ContentRules.Shape, $"expected fields (key: value), found {Describe(reader.Current)}"));
            reader.SkipThisAndNestedEvents();
            return dto;
        }

        var properties = PropertiesOf(dtoType);
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            if (reader.Current is not Scalar keyEvent)
            {
                dto.Issues.Add(new YamlIssue(string.Empty, LineOf(reader.Current), ContentRules.Shape, "a key must be a plain name"));
                reader.SkipThisAndNestedEvents();
                reader.SkipThisAndNestedEvents();
                continue;
            }

            reader.MoveNext();
            var key = keyEvent.Value;
            var keyLine = LineOf(keyEvent);
            if (dto.KeyLines.ContainsKey(key))
            {
                dto.Issues.Add(new YamlIssue(key, keyLine, ContentRules.UnknownField, $"'{key}' is given twice in the same item"));
                reader.SkipThisAndNestedEvents();
                continue;
            }

            dto.KeyLines[key] = keyLine;
            if (!properties.TryGetValue(key, out var property))
            {
                var known = string.Join(", ", properties.Keys);
                dto.Issues.Add(new YamlIssue(key, keyLine, ContentRules.UnknownField, $"unknown field '{key}' (check the spelling; known fields: {known})"));
                reader.SkipThisAndNestedEvents();
                continue;
            }

            property.SetValue(dto, ReadValue(reader, property.PropertyType, dto, key));
        }

        return dto;
    }

    private static object? ReadValue(IParser reader, Type type, YamlDto owner, string field)
    {
        var current = reader.Current;
        if (current is Scalar nullScalar && IsNull(nullScalar))
        {
            reader.MoveNext();
            return null;
        }

        if (current is AnchorAlias)
        {
            owner.Issues.Add(new YamlIssue(field, LineOf(current), ContentRules.Shape, "YAML aliases (*name) are not supported in content files; write the value out"));
            reader.SkipThisAndNestedEvents();
            return null;
        }

        if (type == typeof(string))
        {
            if (current is Scalar scalar)
            {
                reader.MoveNext();
                return scalar.Value;
            }

            owner.Issues.Add(new YamlIssue(field, LineOf(current), ContentRules.Shape, $"expected a single value, found {Describe(current)}"));
            reader.SkipThisAndNestedEvents();
            return null;
        }

        if (typeof(YamlDto).IsAssignableFrom(type))
        {
            if (current is MappingStart)
            {
                return ReadMapping(reader, type);
            }

            owner.Issues.Add(new YamlIssue(field, LineOf(current), ContentRules.Shape, $"expected fields (key: value), found {Describe(current)}"));
            reader.SkipThisAndNestedEvents();
            return null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (!reader.TryConsume<SequenceStart>(out _))
            {
                owner.Issues.Add(new YamlIssue(field, LineOf(current), ContentRules.Shape, $"expected a list, found {Describe(current)}"));
                reader.SkipThisAndNestedEvents();
                return null;
            }

            var elementType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type)!;
            var index = 0;
            while (!reader.TryConsume<SequenceEnd>(out _))
            {
                list.Add(ReadValue(reader, elementType, owner, string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]")));
                index++;
            }

            return list;
        }

        throw new InvalidOperationException($"DTO property type {type} is not supported.");
    }

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(ParsingEvent? parsingEvent) => parsingEvent switch
    {
        Scalar scalar => $"the value '{scalar.Value}'",
        SequenceStart => "a list",
        MappingStart => "fields (key: value)",
        _ => "nothing",
    };

    private static int LineOf(ParsingEvent? parsingEvent) =>
        parsingEvent is null ? 0 : (int)Math.Min(parsingEvent.Start.Line, int.MaxValue);

    private static IReadOnlyDictionary<string, PropertyInfo> PropertiesOf(Type dtoType) =>
        PropertiesByType.GetOrAdd(dtoType, static type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.DeclaringType != typeof(YamlDto))
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal));
}
