from __future__ import annotations, division, generator_stop
import __future__

print(__future__.annotations)
print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    feat = getattr(__future__, name)
    print(name, feat.getOptionalRelease(), feat.getMandatoryRelease(), hex(feat.compiler_flag))
print(annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
print(7 / 2)
