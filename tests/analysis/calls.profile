586 instructions, 43 function calls (17 primitive calls)

Ordered by: instructions including callees

      ncalls          own    percall   cumulative    percall  file:line(function)
           1           26       26.0          586      586.0  calls.py:1(<module>)
           1           58       58.0          548      548.0  calls.py:34(main)
        25/1          270       10.8          270      270.0  calls.py:3(fib)
           1           16       16.0           98       98.0  calls.py:15(chained)
           1           82       82.0           82       82.0  calls.py:9(evens)
           1           32       32.0           52       52.0  calls.py:37(main.<locals>.<listcomp>)
           1           28       28.0           28       28.0  calls.py:42(main.<locals>.<listcomp>)
         3/1           26        8.7           26       26.0  calls.py:20(fail)
           4           20        5.0           20        5.0  calls.py:27(Box.__init__)
           4           16        4.0           16        4.0  calls.py:30(Box.key)
           1           12       12.0           12       12.0  calls.py:26(Box)
